// Two whole-file rewrites for the script-tag build that keep its meaning. Both edit through magic-string, so the
// source map (dist/*.min.js.map) still points every byte at its source.
import MagicString from 'magic-string';

//
// collapseLiterals, after terser: collapses the indentation inside template literals (Lit's html`` and
// css``), which minifiers keep verbatim. Runs on the minified chunk, where a newline followed by indentation only
// occurs inside a template literal written over several lines; HTML and CSS treat that run as one space.
export function collapseLiterals() {
  return {
    name: 'collapse-literals',
    renderChunk(code) {
      const out = new MagicString(code);
      for (const { 0: run, index } of code.matchAll(/\n[ \t]{2,}/g)) out.overwrite(index, index + run.length, ' ');
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}

// letForConst, before terser: writes every `const` declaration as `let`, which gzips
// ~60 B smaller (terser keeps `const`, and `let` is the shorter word). `let` and `const` bind alike (block scope,
// temporal dead zone, one binding per loop iteration); they differ only when code assigns to a `const`, which
// throws. esbuild's scope analysis warns on every such assignment in the chunk (ours and the dependencies'), and the
// build refuses to rewrite a chunk that has one, so no line that would have thrown runs differently.
export function letForConst() {
  return {
    name: 'let-for-const',
    async renderChunk(code) {
      const { transform } = await import('esbuild');
      const { warnings } = await transform(code, { loader: 'js', logLevel: 'silent' });
      const assigned = warnings.find((warning) => /is a constant/.test(warning.text));
      if (assigned) this.error(`let-for-const: ${assigned.text} (${assigned.location?.lineText.trim()})`);
      const starts = [];
      (function walk(node) {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node.type === 'string') {
          if (node.type === 'VariableDeclaration' && node.kind === 'const') starts.push(node.start);
          for (const key in node) if (key !== 'type' && typeof node[key] === 'object') walk(node[key]);
        }
      })(this.parse(code));
      const out = new MagicString(code);
      for (const start of starts) {
        if (code.slice(start, start + 5) !== 'const') this.error(`let-for-const: no 'const' at ${start}`);
        out.overwrite(start, start + 5, 'let');
      }
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}
