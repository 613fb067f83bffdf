import type { Operation } from '@myreports/pbx-contract';

/** The page's route of an operation: its tag in kebab case, then its operationId in lower case. */
export function operationRoute({ operationId, object }: Pick<Operation, 'operationId' | 'object'>): string {
  const tag = String((object.tags as string[] | undefined)?.[0] ?? '');
  return `${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${operationId.toLowerCase()}`;
}
