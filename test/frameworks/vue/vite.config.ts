// The README's "Vue 3" setup: the template compiler leaves the cobrowse-* tags to the browser.
import vue from '@vitejs/plugin-vue';

export default {
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag: string) => tag.startsWith('cobrowse-') } } })],
};
