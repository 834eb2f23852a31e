import type { EventDetails } from '../chronology/index.ts'

/**
 * The detail fields the demo may write, from the chronology's own schemas of the contract's vocabulary, so that
 * the generator cannot write a field or a value the contract does not define: a typo is a compile error.
 */
export type { EventDetails }
export type DemoEventType = keyof EventDetails
