import { createClient, isKazooProfile, isThreeCxProfile, PbxNotFoundError } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

try {
  const { data: profile } = await pbx.profiles.get({
    accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f',
    customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f',
    pbxId: '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7',
  });
  if (isKazooProfile(profile)) console.log('Kazoo at', profile.hostRest);
  else if (isThreeCxProfile(profile)) console.log('3CX, archive every', profile.recordingArchiveFrequency);
  else console.log('A type this reference does not document:', profile._type);
} catch (error) {
  if (!(error instanceof PbxNotFoundError)) throw error;
  console.log('No such customer or profile');
}
