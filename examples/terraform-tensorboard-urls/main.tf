# The running TensorBoard / MindInsight jobs of one team, their URLs as outputs, and the team's
# main job (the newest) on its own. Credentials and region come from the HW_* environment variables,
# as terraform-provider-huaweicloud reads them; see README.md.
terraform {
  required_version = ">= 1.0"
  required_providers {
    modelarts = {
      source  = "pulumi-modelarts/modelarts"
      version = "0.1.0"
    }
  }
}

variable "team" {
  description = "The prefix of the team's job names."
  type        = string
  default     = "vision"
}

provider "modelarts" {}

data "modelarts_visualization_jobs" "running" {
  statuses   = ["RUNNING", "WAITING"]
  name_regex = "^${var.team}-"
}

data "modelarts_visualization_job" "newest" {
  status     = "RUNNING"
  name_regex = "^${var.team}-"
  sort_by    = "create_time"
  order      = "desc"
  limit      = 1
}

output "tensorboard_urls" {
  description = "Each running or waiting job's page, by job name (the API gives every job its URL; a waiting job's page answers once it runs)."
  value       = zipmap(data.modelarts_visualization_jobs.running.names, data.modelarts_visualization_jobs.running.service_urls)
}

output "newest" {
  description = "The team's newest running job."
  value = {
    name        = data.modelarts_visualization_job.newest.name
    service_url = data.modelarts_visualization_job.newest.service_url
    created_at  = data.modelarts_visualization_job.newest.created_at
  }
}
