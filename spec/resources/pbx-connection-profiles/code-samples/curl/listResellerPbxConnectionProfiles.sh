curl -i "https://api.na.myreports.cloud/api/v1.0/customers/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f/pbxs" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN"
