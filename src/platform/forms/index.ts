export { parseForm, type FormResult, type FormErrors } from './parse-form.ts'
export { parseDateParts } from './date-input.ts'
