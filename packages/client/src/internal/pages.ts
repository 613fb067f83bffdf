// The pagers of the paged lists (accounts, customers): one async iterator that asks for page after
// page, from `pageIndex` (0 by default), until a page shorter than `pageSize` says there is no more.
import type { CallOptions } from '../core/options.js';
import type { PbxResult } from '../core/results.js';
import { pageRepeated } from './failures.js';

/** How a pager walks: where it starts, how many items per request, and when it stops. */
export interface PageOptions extends CallOptions {
  /** The first page to ask for (default 0). */
  pageIndex?: number;
  /** Items per request (default 1000, the API's default and largest). */
  pageSize?: number;
  /** Stop after this many items (default: all of them). Breaking out of the loop stops it too. */
  limit?: number;
}

type Page = { pageIndex: number; pageSize: number };

/**
 * Yields every item of a paged list. `list` asks for one page of `path` (the template, for errors). A full page that holds the same items
 * as the one before means the server ignored `pageIndex`: that throws a `PbxInvalidResponseError`
 * rather than loop for ever.
 */
export async function* pages<T>(path: string, list: (page: Page) => Promise<PbxResult<T[]>>, { pageIndex = 0, pageSize = 1000, limit = Infinity }: PageOptions): AsyncGenerator<T, void, undefined> {
  let previous: string | undefined;
  for (let given = 0; given < limit; pageIndex++) {
    const { data, response } = await list({ pageIndex, pageSize });
    const seen = JSON.stringify(data);
    if (data.length && seen === previous) throw pageRepeated(path, response, pageIndex);
    previous = seen;
    for (const item of data.slice(0, limit - given)) {
      given++;
      yield item;
    }
    if (data.length < pageSize) return;
  }
}
