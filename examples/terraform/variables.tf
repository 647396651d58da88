variable "region" {
  type        = string
  description = "AWS region to deploy into."
  default     = "eu-west-1"
}

variable "cidr_block" {
  type        = string
  description = "CIDR block of the VPC."
  default     = "10.20.0.0/16"
}

variable "name" {
  type        = string
  description = "Name prefix for all resources."
  default     = "acme-infra"
}

variable "public_subnets" {
  type        = list(string)
  description = "CIDR blocks of the public subnets, one per availability zone."
  default     = ["10.20.0.0/24", "10.20.1.0/24"]
}

variable "private_subnets" {
  type        = list(string)
  description = "CIDR blocks of the private subnets, one per availability zone."
  default     = ["10.20.10.0/24", "10.20.11.0/24"]
}
