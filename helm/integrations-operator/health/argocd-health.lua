-- Argo CD health check for integrations.mdbops.io/ThirdPartyIntegration. Install it under the
-- argocd-cm key resource.customizations.health.integrations.mdbops.io_ThirdPartyIntegration
-- (the chart's README has the snippet).
--
-- The operator follows the kstatus conventions: status.observedGeneration, a summary Ready
-- condition, and the abnormal-true conditions Reconciling (work under way or a transient failure
-- being retried) and Stalled (a failure only a human can fix), absent when they do not apply.
-- Lua 5.1 (the dialect Argo CD runs) and no library beyond ipairs.

local function find(conditions, conditionType)
  for _, c in ipairs(conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

local function isTrue(c)
  return c ~= nil and c.status == "True"
end

-- the message, else the reason: Argo CD shows it next to the health
local function describe(c, fallback)
  if c ~= nil and c.message ~= nil and c.message ~= "" then
    return c.message
  end
  if c ~= nil and c.reason ~= nil and c.reason ~= "" then
    return c.reason
  end
  return fallback
end

local function health(status, message)
  return { status = status, message = message }
end

local generation = obj.metadata.generation
local status = obj.status
if status == nil then
  return health("Progressing", "Waiting for the operator to take the resource up")
end

-- a spec change the operator has not acted on yet makes every condition stale
if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  return health("Progressing", "Waiting for the operator to act on generation " .. generation)
end

local conditions = status.conditions or {}
local stalled = find(conditions, "Stalled")
if isTrue(stalled) then
  return health("Degraded", describe(stalled, "Stalled"))
end
local reconciling = find(conditions, "Reconciling")
if isTrue(reconciling) then
  return health("Progressing", describe(reconciling, "Reconciling"))
end

local ready = find(conditions, "Ready")
if ready == nil then
  return health("Progressing", "Waiting for the Ready condition")
end
if generation ~= nil and ready.observedGeneration ~= nil and ready.observedGeneration < generation then
  return health("Progressing", "Waiting for the operator to act on generation " .. generation)
end
if ready.status == "True" then
  return health("Healthy", describe(ready, "Ready"))
end
-- An observed resource (management policy Observe) that differs from the project: the operator
-- only reports drift there and will never correct it, so waiting (Progressing) would wait
-- forever. It is not stalled either, yet it needs a human to reconcile Git and the project:
-- Degraded is the state that asks for one.
if ready.reason == "OutOfSync" then
  return health("Degraded", describe(ready, "OutOfSync"))
end
-- Ready=False or Unknown with neither Stalled nor Reconciling: kstatus reads this as still in
-- progress, and so does this check
return health("Progressing", describe(ready, "Not ready"))
