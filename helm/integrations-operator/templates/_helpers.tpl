{{/* Names, labels and shared snippets. Everything else renders one object kind per file. */}}

{{/* The chart name, or nameOverride. */}}
{{- define "integrations-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The object name prefix: fullnameOverride, else the release name (with the chart name when it lacks it). */}}
{{- define "integrations-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "integrations-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "integrations-operator.labels" -}}
helm.sh/chart: {{ include "integrations-operator.chart" . }}
{{ include "integrations-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: integrations-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that select this release's pods; never change them (Deployment selectors are immutable). */}}
{{- define "integrations-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "integrations-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "integrations-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "integrations-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* repository@digest when a digest is set, else repository:tag (tag defaults to appVersion). */}}
{{- define "integrations-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{- define "integrations-operator.leaseName" -}}
{{- default (include "integrations-operator.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}

{{/* The default connection Secret's name, or empty when there is none. existingSecret wins. */}}
{{- define "integrations-operator.connectionSecretName" -}}
{{- if .Values.defaultConnection.existingSecret }}
{{- .Values.defaultConnection.existingSecret }}
{{- else if .Values.defaultConnection.create }}
{{- printf "%s-connection" (include "integrations-operator.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
The rules the operator needs on its resources, their Secrets and Events, in every watched
namespace (ClusterRole when all, a Role per namespace otherwise). docs/packaging.md explains each.
Events need create and patch, no get: a repeat of an Event is counted up on the existing one with a
merge patch, without reading it first.
*/}}
{{- define "integrations-operator.resourceRules" -}}
- apiGroups: ["integrations.mdbops.io"]
  resources: ["thirdpartyintegrations"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["integrations.mdbops.io"]
  resources: ["thirdpartyintegrations/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["integrations.mdbops.io"]
  resources: ["thirdpartyintegrations/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- if .Values.rbac.scrapeConfigs }}
- apiGroups: ["monitoring.coreos.com"]
  resources: ["scrapeconfigs"]
  verbs: ["get", "create", "update", "delete"]
{{- end }}
{{- end }}

{{/*
namespaceProjects as the operator reads it: ns=id|id,ns2=id
*/}}
{{- define "integrations-operator.namespaceProjects" -}}
{{- $entries := list -}}
{{- range $ns, $ids := .Values.namespaceProjects -}}
{{- $entries = append $entries (printf "%s=%s" $ns (join "|" $ids)) -}}
{{- end -}}
{{- join "," $entries -}}
{{- end }}

{{/*
Whether the operator reads Namespace objects (label selector or project annotation in use).
*/}}
{{- define "integrations-operator.readsNamespaces" -}}
{{- if or .Values.defaultConnectionNamespaceSelector .Values.projectsFromNamespaceAnnotation -}}true{{- end -}}
{{- end }}
