import type { ResponderAnswer as TwinAnswer } from '../../responder.js';

/**
 * The API's envelopes, with the timestamp in the .NET round-trip form the API prints
 * (`2019-11-29T16:03:23.9251680Z`: seven fraction digits). JavaScript clocks give milliseconds,
 * so the last four digits are zeros.
 */
export function timestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export function item(status: number, data: unknown, headers?: Record<string, string>): TwinAnswer {
  return { status, ...(headers ? { headers } : {}), body: { data, status: 'success', timestamp: timestamp() } };
}

/** The list envelope: `page_size` is the number of items; a paged list also says which page (`page_index`). */
export function list(data: unknown[], pageIndex?: number): TwinAnswer {
  const paged = pageIndex === undefined ? {} : { page_index: pageIndex };
  return { status: 200, body: { page_size: data.length, ...paged, data, status: 'success', timestamp: timestamp() } };
}

/** The no-data envelope of patch and delete. */
export function noData(): TwinAnswer {
  return { status: 200, body: { status: 'success', timestamp: timestamp() } };
}

export function error(status: number, message: string): TwinAnswer {
  return { status, body: { error: status, message, status: 'error', timestamp: timestamp() } };
}

/** The vendor's 404 text, for an unknown item or an item under an unknown parent. */
export const notFound = (): TwinAnswer => error(404, 'Not Found');
