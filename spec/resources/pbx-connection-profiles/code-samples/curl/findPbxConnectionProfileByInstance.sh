curl -i "https://api.na.myreports.cloud/api/v1.0/pbxs?instanceId=12345" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN"
