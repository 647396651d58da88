provider "aws" {
  region = var.region

  default_tags {
    tags = {
      ManagedBy = "terraform"
      Project   = var.name
    }
  }
}

module "network" {
  source          = "./modules/network"
  cidr_block      = var.cidr_block
  name            = var.name
  public_subnets  = var.public_subnets
  private_subnets = var.private_subnets
}
