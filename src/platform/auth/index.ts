export {
  AuthService,
  normaliseEmail,
  sameToken,
  type ActiveSession,
  type AuthSettings,
  type CodeOutcome,
  type ExternalIdentity,
  type MfaStatus,
  type NewAccount,
  type PendingSession,
  type ReauthenticationOutcome,
  type SessionLookup,
  type SignedInAccount,
  type SignInOutcome,
} from './auth.service.ts'
export { AuthRepository } from './auth.repository.ts'
export { hashPassword, verifyPassword } from './password.ts'
export { isRecentlyAuthenticated, reAuthenticationPath, requireRecentAuthentication, RE_AUTHENTICATE_PATH } from './recent-authentication.ts'
export {
  ApiClientService,
  NewApiClient,
  type AgencyChoice,
  type ApiClientIdentity,
  type ApiClientSettings,
  type ApiClientSummary,
  type IssuedToken,
} from './api-client.service.ts'
export { ApiClientRepository } from './api-client.repository.ts'
export { OidcService, type OidcOutcome, type PractitionerAgencyLookup } from './oidc.service.ts'
