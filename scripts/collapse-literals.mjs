// Rollup plugin for the script-tag build: collapses the indentation inside template literals (Lit's html`` and
// css``), which minifiers keep verbatim. Runs on the minified chunk, where a newline followed by indentation only
// occurs inside a template literal written over several lines; HTML and CSS treat that run as one space.
export function collapseLiterals() {
  return {
    name: 'collapse-literals',
    renderChunk(code) {
      return { code: code.replace(/\n[ \t]{2,}/g, ' '), map: null };
    },
  };
}
