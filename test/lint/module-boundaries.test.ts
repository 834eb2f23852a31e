import path from 'node:path'
import { describe, it } from 'node:test'
import { RuleTester } from 'eslint'
import { moduleBoundaries } from '../../tools/lint/module-boundaries.js'

RuleTester.describe = describe
RuleTester.it = it

const src = path.resolve(import.meta.dirname, '../../src')
const file = (rel: string) => path.join(src, rel)

new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } }).run('module-boundaries', moduleBoundaries, {
  valid: [
    { filename: file('modules/people/child.routes.ts'), code: "import { x } from '../chronology/index.ts'" },
    { filename: file('modules/people/child.routes.ts'), code: "import { x } from './people.service.ts'" },
    { filename: file('modules/people/people.service.ts'), code: "import { x } from '../../platform/db/index.ts'" },
    { filename: file('composition.ts'), code: "import { x } from './modules/people/index.ts'" },
    { filename: file('platform/http/session.ts'), code: "import { x } from '../auth/index.ts'" },
  ],
  invalid: [
    { filename: file('modules/people/child.routes.ts'), code: "import { x } from '../chronology/chronology.service.ts'", errors: [{ messageId: 'deepImport' }] },
    { filename: file('composition.ts'), code: "import { x } from './modules/people/people.repository.ts'", errors: [{ messageId: 'deepImport' }] },
    { filename: file('modules/demo/demo.service.ts'), code: "export { x } from '../people/people.tables.ts'", errors: [{ messageId: 'deepImport' }] },
    { filename: file('platform/db/schema.ts'), code: "import { x } from '../../modules/people/index.ts'", errors: [{ messageId: 'platformToModule' }] },
  ],
})
