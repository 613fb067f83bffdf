import type { ResourceDefinition } from '../core/resource.js';
import { accounts } from './accounts/index.js';
import { customerUsers } from './customer-users/index.js';
import { customers } from './customers/index.js';
import { pbxConnectionProfiles } from './pbx-connection-profiles/index.js';

/** Every resource the twin keeps, one folder each, named after the spec's tag. */
export const RESOURCES: readonly ResourceDefinition[] = [accounts, customers, customerUsers, pbxConnectionProfiles];
