import type { PropertyDefinition } from '../../core/property.js';

/** What the runner holds the profiles API to, beside the spec check of every answer (core). */
export const PROFILE_PROPERTIES = {
  create: {
    name: 'create-201-location',
    description: 'A create answers 201 with the new profile and a Location on the target that a get follows to it.',
  },
  readBack: {
    name: 'get-returns-last-write',
    description: 'A get returns what was created or last patched, every field, secrets included.',
  },
  absent: {
    name: 'absent-answers-404',
    description: 'A delete answers 200, and a deleted (or never created) profile then answers 404.',
  },
  list: {
    name: 'list-holds-live-profiles',
    description: "A list holds exactly the live profiles of its customer, page_size their number.",
  },
  find: {
    name: 'find-by-instance-agrees',
    description: 'Find by instance agrees with the store: the oldest live profile of an instance, or exists: false.',
  },
  atomicPatch: {
    name: 'patch-all-or-nothing',
    description: 'A patch with one invalid operation is refused with 400 and changes nothing.',
  },
  invalidRows: {
    name: 'invalid-rows-400',
    description: 'Each invalid row of the fixture tables gets the 400 error envelope naming its field.',
  },
} as const satisfies Record<string, PropertyDefinition>;

/** Fields whose values are secrets: the API echoes them in clear, the runner never prints them. */
export const SECRET_FIELDS = ['apiKey', 'password', 'licenseKey'] as const;
