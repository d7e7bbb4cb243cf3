/** Written by the build (rollup.config.mjs, `uiFile`): the session UI file the core loads. */
declare module 'cobrowse-widget:ui-file' {
  /** The file's name, resolved against the core's own URL. */
  export const UI_FILE: string;
  /** Its `sha384-...` Subresource Integrity hash. */
  export const UI_INTEGRITY: string;
}
