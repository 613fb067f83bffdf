// The five operations every resource of the API has, on its collection path (list, create) and its
// item path (get, patch, delete): written once here, so a resource folder names its two paths and
// adds only what is its own (shortcuts, the metrics, the mirror). The ids and bodies are typed by the
// spec's operations on those paths; each folder's interface types what the methods resolve to.
import type { paths } from '@myreports/pbx-types';
import type { CallOptions, ChargeableCallOptions } from '../core/options.js';
import type { PbxCreatedResult, PbxResult } from '../core/results.js';
import { isItem, isList, type Call, type Row } from './call.js';
import { pages, type PageOptions } from './pages.js';
import { replace } from './patch.js';

type Path = keyof paths;
type Operation<P extends Path, M extends string> = M extends keyof paths[P] ? paths[P][M] : never;
/** The path ids of `P`, as the spec names them (`{}` for a path without any). */
type IdsOf<P extends Path> = paths[P] extends { parameters: { path: infer Ids extends object } } ? Ids : Record<string, never>;
/** The JSON body the spec declares for `M` on `P`. */
type BodyOf<P extends Path, M extends string> = Operation<P, M> extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;
/** The query of the list on `P`. */
type QueryOf<P extends Path> = NonNullable<Operation<P, 'get'> extends { parameters: { query?: infer Query } } ? Query : never>;

const CHARGES = { 'accept-charges': 'true' } as const;
/** Path ids or a query, as the generic rows see them (the methods' own types are the spec's). */
type Ids = Record<string, unknown>;
// The rows take any arguments: the methods below type them from the spec's operations.

/** Every answer is a PbxResult; each resource's interface says of what (the spec's schemas). */
type Answer = Promise<PbxResult<any>>;

/**
 * The five operations of the resource at `collection` and `item` (paths of the spec), and the pager of
 * its list, and `enable`/`disable`. A resource folder keeps `list` or `page` and `all`, as its list is
 * paged or not, and the shortcuts its patch takes.
 * `secrets(body)`: values of a create or patch body to mask wherever the API's message echoes them.
 */
export function resource<C extends Path, I extends Path>(call: Call, collection: C, item: I, secrets?: (body: unknown) => unknown[]) {
  const byIds = (path: Ids) => ({ params: { path } });
  const charged = (path: Ids, body: unknown) => ({ params: { path, header: CHARGES }, body });
  const list: Row<any[], any> = { method: 'GET', path: collection, data: isList, parts: (path, query = {}) => ({ params: { path, query } }) };
  const get: Row<any[], any> = { method: 'GET', path: item, data: isItem, parts: byIds };
  const create: Row<any[], any> = { method: 'POST', path: collection, data: isItem, chargeable: true, creates: true, parts: charged };
  const patch: Row<any[], any> = { method: 'PATCH', path: item, chargeable: true, parts: charged };
  const del: Row<any[], any> = { method: 'DELETE', path: item, parts: byIds };
  if (secrets) create.secrets = patch.secrets = (_, body) => secrets(body);
  return {
    /** The whole list (an unpaged one). */
    list: (ids: IdsOf<C>, options?: CallOptions): Answer => call(list, [ids], options),
    /** One page of a paged list (`pageIndex`, `pageSize`, and `filter` where the spec has it). */
    page: (ids: IdsOf<C>, query?: QueryOf<C>, options?: CallOptions): Answer => call(list, [ids, query], options),
    /** Every item of a paged list, page after page (the `filter`, where the spec has it, on each). */
    all: (ids: IdsOf<C>, options: PageOptions & { filter?: string } = {}): AsyncGenerator<any, void, undefined> =>
      pages(collection, (page) => call(list, [ids, { filter: options.filter, ...page }], options), options),
    get: (ids: IdsOf<I>, options?: CallOptions): Answer => call(get, [ids], options),
    create: (ids: IdsOf<C>, body: BodyOf<C, 'post'>, options?: ChargeableCallOptions) => call(create, [ids, body], options) as Promise<PbxCreatedResult<any>>,
    patch: (ids: IdsOf<I>, operations: BodyOf<I, 'patch'>, options?: ChargeableCallOptions): Answer => call(patch, [ids, operations], options),
    delete: (ids: IdsOf<I>, options?: CallOptions): Answer => call(del, [ids], options),
    /** `patch` with `replace /enabled` true (accounts, customers, profiles). */
    enable: (ids: IdsOf<I>, options?: ChargeableCallOptions): Answer => call(patch, [ids, [replace('/enabled', true)]], options),
    /** `patch` with `replace /enabled` false. */
    disable: (ids: IdsOf<I>, options?: ChargeableCallOptions): Answer => call(patch, [ids, [replace('/enabled', false)]], options),
  };
}
