import { IDS } from '@myreports/pbx-fixtures';

/** The ids every example of the spec uses, shaped as the client's method arguments. */
export const customer = { accountTenantId: IDS.accountTenantId, customerTenantId: IDS.customerTenantId };
export const kazooProfile = { ...customer, pbxId: IDS.kazooPbxId };
export const threeCxProfile = { ...customer, pbxId: IDS.threeCxPbxId };
