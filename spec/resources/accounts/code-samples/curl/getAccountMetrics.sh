curl -i "https://api.na.myreports.cloud/api/v1.0/accounts/6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f/metrics" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN"
