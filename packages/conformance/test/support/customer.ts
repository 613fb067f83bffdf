
const WRITE = { authorization: 'Bearer conformance-test', 'accept-charges': 'true', 'content-type': 'application/json' };

/**
 * A new account and a new customer in it, created on the mock through its API: the twin keeps profiles only under a
 * customer it holds (under made-up ids every operation is the 404 envelope), and a customer of each test's own keeps
 * the tests apart.
 */
export async function createCustomer(baseUrl: string): Promise<{ accountTenantId: string; customerTenantId: string }> {
  const accountTenantId = await created(`${baseUrl}/v1.0/accounts`);
  const customerTenantId = await created(`${baseUrl}/v1.0/accounts/${accountTenantId}/customers`);
  return { accountTenantId, customerTenantId };
}

async function created(url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: WRITE, body: JSON.stringify({ name: 'Conformance test' }) });
  const body = (await response.json()) as { data?: { id?: string } };
  if (response.status !== 201 || typeof body.data?.id !== 'string') throw new Error(`POST ${url} answered ${response.status}`);
  return body.data.id;
}
