# The customers whose name or reference contains "example"
curl -i "https://api.na.myreports.cloud/api/v1.0/accounts/6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f/customers?pageIndex=0&pageSize=20&filter=example" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN"
