#!/bin/sh
# Plans the configuration without touching state: run from the module root.
set -eu
terraform init -input=false
terraform validate
terraform plan -input=false -out=tfplan
