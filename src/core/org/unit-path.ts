/**
 * Units are stored with a materialised path of ids, `/<root>/<child>/<grandchild>/`, so "is X inside Y" is a
 * prefix test that a database index answers too.
 *
 * @example childPath('/a/', 'b') // '/a/b/'
 */
export const childPath = (parentPath: string | null, id: string): string => `${parentPath ?? '/'}${id}/`;

/** True when `path` is `ancestorPath` itself or lies below it. @example isWithin('/a/b/', '/a/') // true */
export const isWithin = (path: string, ancestorPath: string): boolean => path.startsWith(ancestorPath);

/** The ids on a path from the root down. @example pathIds('/a/b/') // ['a', 'b'] */
export const pathIds = (path: string): string[] => path.split('/').filter((part) => part.length > 0);

/** Depth of a unit: 0 for an agency (root). @example depthOf('/a/b/') // 1 */
export const depthOf = (path: string): number => pathIds(path).length - 1;

/** The agency (root) id a path belongs to. @example agencyIdOf('/a/b/') // 'a' */
export const agencyIdOf = (path: string): string => pathIds(path)[0] ?? '';
