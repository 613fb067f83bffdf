# Create a 3CX profile
curl -i -X POST "https://api.na.myreports.cloud/api/v1.0/customers/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f/pbxs" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN" \
  -H "accept-charges: true" \
  -H "Content-Type: application/json" \
  -d '{
    "_type": "ThreeCxConnectionProfile",
    "name": "3CX Connection",
    "licenseKey": "licenseKey-licenseKey-licenseKey",
    "username": "username-username-username",
    "password": "password password password",
    "enableRecordingArchive": "true",
    "recordingArchiveFrequency": "00:20:00"
  }'
