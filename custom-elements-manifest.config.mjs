// `npm run build` runs the Custom Elements Manifest analyzer over the TypeScript sources; the class JSDoc
// (@summary, @fires, @csspart, @cssprop, @slot) and Lit's @property decorators are its input.
export default {
  globs: ['src/components/**/*.ts', 'src/define-all.ts'],
  exclude: ['**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The manifest describes the published package: point it at dist/*.js, not at the sources.
      name: 'cobrowse-dist-paths',
      packageLinkPhase({ customElementsManifest }) {
        const toDist = (path) => path?.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');
        const walk = (node) => {
          if (Array.isArray(node)) return node.forEach(walk);
          if (!node || typeof node !== 'object') return;
          for (const key of ['path', 'module']) if (typeof node[key] === 'string') node[key] = toDist(node[key]);
          Object.values(node).forEach(walk);
        };
        walk(customElementsManifest.modules);
      },
    },
  ],
};
