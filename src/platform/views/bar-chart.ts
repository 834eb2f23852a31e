export type Bar = { label: string; value: number; display?: string }

const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

/**
 * A horizontal bar chart as inline SVG: labels on the left, bars scaled to the largest value, the value at
 * the end of each bar. It is an image with a text alternative; pages always show the same numbers in a table
 * as well, for screen readers and for people who want the exact figures.
 */
export function barChart(options: { title: string; bars: readonly Bar[]; width?: number }): string {
  const width = options.width ?? 720
  const labelWidth = 300
  const valueWidth = 70
  const rowHeight = 28
  const barArea = width - labelWidth - valueWidth
  const max = Math.max(1, ...options.bars.map(b => b.value))
  const height = Math.max(rowHeight, options.bars.length * rowHeight)
  const rows = options.bars
    .map((bar, i) => {
      const y = i * rowHeight
      const length = Math.round((bar.value / max) * barArea)
      return (
        `<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end" class="app-chart__label">${escape(bar.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(length, bar.value > 0 ? 2 : 0)}" height="${rowHeight - 10}" class="app-chart__bar"></rect>` +
        `<text x="${labelWidth + length + 6}" y="${y + 19}" class="app-chart__value">${escape(bar.display ?? bar.value.toLocaleString('en-GB'))}</text>`
      )
    })
    .join('')
  const summary = options.bars.map(b => `${b.label}: ${b.display ?? b.value.toLocaleString('en-GB')}`).join('; ')
  return (
    `<svg class="app-chart" role="img" aria-label="${escape(`${options.title}. ${summary}`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMinYMin meet">` +
    `<title>${escape(options.title)}</title>${rows}</svg>`
  )
}
