// ESLint rule: a module is entered only through its index.ts, and platform/ never reaches into modules/.
// Written for Sightline: the layout is src/modules/<name>/... and src/platform/<area>/...
import path from 'node:path'

const srcRoot = path.resolve(import.meta.dirname, '../../src')

function moduleOf(file) {
  const rel = path.relative(srcRoot, file)
  if (rel.startsWith('..')) return undefined
  const parts = rel.split(path.sep)
  if (parts[0] === 'modules' && parts.length > 2) return { kind: 'module', name: parts[1], rel }
  if (parts[0] === 'platform') return { kind: 'platform', name: parts[1], rel }
  return { kind: 'other', name: parts[0], rel }
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules import each other only through index.ts; platform never imports modules' },
    messages: {
      deepImport: "Import '{{target}}' through its index.ts: modules talk only through their public surface.",
      platformToModule: "platform/ knows nothing about children: it must not import '{{target}}'.",
    },
    schema: [],
  },
  create(context) {
    const from = moduleOf(context.filename)
    if (!from) return {}
    function check(node) {
      const spec = node.source?.value
      if (typeof spec !== 'string' || !spec.startsWith('.')) return
      const resolved = path.resolve(path.dirname(context.filename), spec)
      const to = moduleOf(resolved)
      if (!to || to.kind !== 'module') return
      if (from.kind === 'platform') {
        context.report({ node, messageId: 'platformToModule', data: { target: spec } })
        return
      }
      if (from.kind === 'module' && from.name === to.name) return
      const isIndex = to.rel === path.join('modules', to.name, 'index.ts')
      if (!isIndex) context.report({ node, messageId: 'deepImport', data: { target: spec } })
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check }
  },
}
