export { loadConfig, ConfigError, Environment, type Config } from './config.ts'
