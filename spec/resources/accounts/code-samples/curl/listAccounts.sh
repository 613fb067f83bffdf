curl -i "https://api.na.myreports.cloud/api/v1.0/accounts?pageIndex=0&pageSize=20" \
  -H "Authorization: Bearer $MYREPORTS_TOKEN"
