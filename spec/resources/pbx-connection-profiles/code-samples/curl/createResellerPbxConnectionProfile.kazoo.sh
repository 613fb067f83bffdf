# Create a Kazoo profile
curl -i -X POST "https://api.na.myreports.cloud/api/v1.0/customers/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f/pbxs" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN" \
  -H "accept-charges: true" \
  -H "Content-Type: application/json" \
  -d '{
    "_type": "KazooPbxConnectionProfile",
    "name": "Customers Kazoo Pbx",
    "hostRest": "https://rest.example.com",
    "hostWebsocket": "wss://ws.example.com",
    "accountId": "12345",
    "apiKey": "ABCDEF"
  }'
