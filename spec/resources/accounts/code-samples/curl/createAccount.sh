# Create an account
curl -i -X POST "https://api.na.myreports.cloud/api/v1.0/accounts" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN" \
  -H "accept-charges: true" \
  -H "Content-Type: application/json" \
  -d '{
    "name": "Second Reseller",
    "description": "A new reseller, not enabled yet",
    "reference": "RES-0002",
    "timezone": "Europe/London",
    "countryCode": "GB"
  }'
