export { AuthService, normaliseEmail, sameToken, type ActiveSession, type SignedInAccount, type NewAccount } from './auth.service.ts'
export { AuthRepository } from './auth.repository.ts'
export { hashPassword, verifyPassword } from './password.ts'
