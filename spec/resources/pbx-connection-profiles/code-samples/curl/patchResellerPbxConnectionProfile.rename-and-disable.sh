# Rename and disable in one patch
curl -i -X PATCH "https://api.na.myreports.cloud/api/v1.0/customers/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f/pbxs/9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN" \
  -H "accept-charges: true" \
  -H "Content-Type: application/json" \
  -d '[
    { "op": "replace", "path": "/name", "value": "Old PBX (retired)" },
    { "op": "replace", "path": "/enabled", "value": false }
  ]'
