export { parseForm, type FormResult, type FormErrors } from './parse-form.ts'
