// CI check: custom-elements.json lists every tag, attribute, event, CSS part and CSS custom property that the
// sources declare. The sources are read independently of the analyzer, with TypeScript's parser:
//  - tags: `HTMLElementTagNameMap` entries beside each class and literal `customElements.define` calls;
//  - attributes: `@property()` decorators and `static properties`, inherited through `extends` (an `attribute`
//    option names it, `attribute: false` removes it, else the lowercased property name);
//  - events: `@fires` JSDoc, and every `GlobalEventHandlersEventMap` entry must be fired by some element;
//  - parts: `@csspart` JSDoc, and every `part="..."` in a template (on that element when its class is in the file,
//    else on some element);
//  - custom properties: `@cssprop` JSDoc, and every `var(--cobrowse-*)` in a styles module (on some element).
// `node scripts/check-manifest.mjs [--strict] [manifest] [sourceDir]` prints each gap and exits 1 when the manifest
// misses something the JSDoc or decorators declare; with --strict also when code uses an undocumented event, part
// or custom property.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const walkFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walkFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

const firstWord = (comment) =>
  (typeof comment === 'string' ? comment : (ts.getTextOfJSDocComment(comment) ?? '')).trim().split(/\s+/)[0];

function propertyAttribute(name, options) {
  if (!options || !ts.isObjectLiteralExpression(options)) return name.toLowerCase();
  const attr = options.properties.find((p) => p.name?.getText() === 'attribute');
  if (!attr || !ts.isPropertyAssignment(attr)) return name.toLowerCase();
  if (attr.initializer.kind === ts.SyntaxKind.FalseKeyword) return undefined;
  if (ts.isStringLiteralLike(attr.initializer)) return attr.initializer.text;
  return name.toLowerCase();
}

/** What the sources declare, per class, plus the page-wide sets. */
export function readSources(sourceDir) {
  const classes = new Map();
  const tags = new Map(); // tag -> class name
  const definedTags = new Set();
  const eventMap = new Set();
  const looseParts = new Set();
  const cssVars = new Set();
  for (const file of walkFiles(sourceDir)) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.styles.ts')) {
      for (const [, name] of text.matchAll(/var\(\s*(--cobrowse-[\w-]+)/g)) cssVars.add(name);
      continue;
    }
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const fileClasses = [];
    const visit = (node) => {
      if (ts.isClassDeclaration(node) && node.name) {
        const info = {
          name: node.name.text,
          file,
          extends: node.heritageClauses
            ?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)
            ?.types[0]?.expression.getText(),
          attributes: new Set(),
          fires: new Set(),
          parts: new Set(),
          cssProps: new Set(),
          slots: new Set(),
        };
        for (const tag of ts.getJSDocTags(node)) {
          const word = firstWord(tag.comment);
          const kind = tag.tagName.text;
          if (kind === 'fires' || kind === 'event') info.fires.add(word);
          else if (kind === 'csspart') info.parts.add(word);
          else if (kind === 'cssprop' || kind === 'cssproperty') info.cssProps.add(word);
          else if (kind === 'slot') info.slots.add(word === '-' ? '' : word);
        }
        for (const member of node.members) {
          const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
          for (const decorator of decorators) {
            const call = decorator.expression;
            if (!ts.isCallExpression(call) || call.expression.getText() !== 'property' || !member.name) continue;
            const attr = propertyAttribute(member.name.getText(), call.arguments[0]);
            if (attr) info.attributes.add(attr);
          }
          const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
          if (isStatic && member.name?.getText() === 'properties' && member.initializer) {
            for (const prop of member.initializer.properties ?? []) {
              const attr = propertyAttribute(prop.name.getText().replace(/['"]/g, ''), prop.initializer);
              if (attr) info.attributes.add(attr);
            }
          }
        }
        classes.set(info.name, info);
        fileClasses.push(info);
      }
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'HTMLElementTagNameMap') {
        for (const member of node.members) {
          if (member.name && member.type) tags.set(member.name.getText().replace(/['"]/g, ''), member.type.getText());
        }
      }
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'GlobalEventHandlersEventMap') {
        for (const member of node.members) if (member.name) eventMap.add(member.name.getText().replace(/['"]/g, ''));
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.getText() === 'customElements.define' &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        definedTags.add(node.arguments[0].text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    // Parts in templates (double-quoted attributes; CSS selectors use single quotes or none).
    const parts = [...text.matchAll(/\spart="([^"$]+)"/g)].flatMap(([, names]) => names.trim().split(/\s+/));
    const owner =
      fileClasses.find((c) => [...tags.values()].includes(c.name)) ??
      fileClasses.find((c) => c.fires.size || c.parts.size);
    for (const part of parts) (owner && fileClasses.length === 1 ? owner.parts : looseParts).add(part);
  }
  return { classes, tags, definedTags, eventMap, looseParts, cssVars };
}

/**
 * Gaps between the sources and the manifest, as sentences: `problems` (the manifest misses what the JSDoc and
 * decorators declare) and `undocumented` (the code uses an event, part or custom property that no JSDoc names).
 */
export function checkManifest(manifest, sourceDir = 'src') {
  const src = readSources(sourceDir);
  const problems = [];
  const undocumented = [];
  const elements = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) if (decl.customElement && decl.tagName) elements.set(decl.tagName, decl);
  }
  const names = (list) => new Set((list ?? []).map((item) => item.name ?? ''));
  const everywhere = (key) => new Set([...elements.values()].flatMap((decl) => [...names(decl[key])]));

  const tags = new Set([...src.tags.keys(), ...src.definedTags]);
  for (const tag of tags) if (!elements.has(tag)) problems.push(`tag <${tag}> is missing`);
  for (const tag of elements.keys())
    if (!tags.has(tag)) problems.push(`tag <${tag}> is in the manifest but not in the sources`);

  for (const [tag, className] of src.tags) {
    const decl = elements.get(tag);
    if (!decl) continue;
    const want = {
      attributes: new Set(),
      events: new Set(),
      cssParts: new Set(),
      cssProperties: new Set(),
      slots: new Set(),
    };
    // Walk up the class chain inside the sources: inherited properties are attributes of the element too.
    for (let c = src.classes.get(className); c; c = src.classes.get(c.extends)) {
      c.attributes.forEach((a) => want.attributes.add(a));
      if (c.name !== className) continue;
      c.fires.forEach((e) => want.events.add(e));
      c.parts.forEach((p) => want.cssParts.add(p));
      c.cssProps.forEach((p) => want.cssProperties.add(p));
      c.slots.forEach((s) => want.slots.add(s));
    }
    const labels = {
      attributes: 'attribute',
      events: 'event',
      cssParts: 'part',
      cssProperties: 'custom property',
      slots: 'slot',
    };
    for (const [key, wanted] of Object.entries(want)) {
      const have = names(decl[key]);
      for (const name of wanted) if (!have.has(name)) problems.push(`<${tag}>: ${labels[key]} "${name}" is missing`);
    }
  }
  const allEvents = everywhere('events');
  for (const event of src.eventMap)
    if (!allEvents.has(event)) undocumented.push(`event "${event}" is fired by no element in the manifest`);
  const allParts = everywhere('cssParts');
  for (const part of src.looseParts)
    if (!allParts.has(part)) undocumented.push(`part "${part}" is on no element in the manifest`);
  const allProps = everywhere('cssProperties');
  for (const name of src.cssVars)
    if (!allProps.has(name)) undocumented.push(`custom property ${name} is on no element in the manifest`);
  return { problems, undocumented };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const strict = process.argv.includes('--strict');
  const [file = 'custom-elements.json', sourceDir = 'src'] = process.argv.slice(2).filter((a) => a !== '--strict');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`check-manifest: ${file} not found: run npm run build first`);
    process.exit(1);
  }
  const { problems, undocumented } = checkManifest(manifest, sourceDir);
  for (const problem of problems) console.error(`check-manifest: ${problem}`);
  for (const gap of undocumented)
    console.error(`check-manifest: ${strict ? '' : 'warning: '}${gap} (add it to the JSDoc)`);
  if (problems.length || (strict && undocumented.length)) process.exit(1);
  console.log(`check-manifest: ${file} lists every tag, attribute, event, part and custom property in ${sourceDir}/`);
}
