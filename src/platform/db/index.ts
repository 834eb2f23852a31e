export {
  openDatabase,
  appliedMigrationCount,
  committedMigrationCount,
  describeUrl,
  migrationsFolder,
  DatabaseUnavailableError,
  type Database,
  type DatabaseOptions,
  type Db,
  type Engine,
} from './database.ts'
export { lockDataDir, DataDirLockedError, type DataDirLock } from './data-dir-lock.ts'
export { bulkInsert } from './bulk-insert.ts'
