/// <reference types="vite/client" />
// The README's "Vue 3" typings: the tags' props and events for vue-tsc.
/// <reference types="cobrowse-widget/vue" />
