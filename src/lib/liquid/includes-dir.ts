/** Where a project keeps the files `{% include %}` reads: Jekyll's `_includes/`. */
export const INCLUDES_DIR = 'src/includes';
