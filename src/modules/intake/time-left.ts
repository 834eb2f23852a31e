/** "3 hours 20 minutes left" or "Overdue by 2 hours", for the queue. */
export function timeLeft(due: Date, now: Date): { overdue: boolean; text: string; minutes: number } {
  const minutes = Math.round((due.getTime() - now.getTime()) / 60_000)
  const span = Math.abs(minutes)
  const hours = Math.floor(span / 60)
  const mins = span % 60
  const parts = [hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'}` : '', mins > 0 || hours === 0 ? `${mins} minute${mins === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' ')
  return minutes >= 0 ? { overdue: false, text: `${parts} left`, minutes } : { overdue: true, text: `Overdue by ${parts}`, minutes }
}
