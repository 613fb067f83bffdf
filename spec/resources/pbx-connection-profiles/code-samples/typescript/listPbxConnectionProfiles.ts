import { createClient, isOtherProfile } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

const { data: profiles } = await pbx.profiles.list({
  accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f',
  customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f',
});
for (const profile of profiles) {
  // Types this reference does not document (Teams) come back too: show them, do not fail on them.
  const kind = isOtherProfile(profile) ? `not documented (${profile._type})` : profile._type;
  console.log(profile.id, profile.name, kind);
}
