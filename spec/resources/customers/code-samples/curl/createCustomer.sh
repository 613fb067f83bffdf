# Create a customer with a Kazoo profile
curl -i -X POST "https://api.na.myreports.cloud/api/v1.0/accounts/6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f/customers" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN" \
  -H "accept-charges: true" \
  -H "Content-Type: application/json" \
  -d '{
    "name": "New customer",
    "description": "This is my new customer",
    "reference": "ABC00001",
    "enabled": false,
    "timezone": "America/Los_Angeles",
    "countryCode": "US",
    "pbxConnectionProfiles": [{
      "_type": "KazooPbxConnectionProfile",
      "name": "New customer Kazoo Pbx",
      "hostRest": "https://hostrest.example.com",
      "hostWebsocket": "wss://hostwebsocket.example.com",
      "accountId": "accountid",
      "apiKey": "apikey",
      "monitorSubAccounts": false
    }],
    "sendNewUserEmail": false,
    "sendConnectWelcomeEmail": false,
    "trialDuration": 0
  }'
