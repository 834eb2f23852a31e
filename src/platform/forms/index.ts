export { parseForm, type FormResult, type FormErrors } from './parse-form.ts'
export { parseDateParts, parseDateRange, dateRangeFields, formText } from './date-input.ts'
