export { loadConfig, ConfigError, Environment, type Config, type OidcConfig } from './config.ts'
