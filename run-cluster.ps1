<#
.SYNOPSIS
  Runs a local IotActors cluster on this machine (Windows desktops; the same as run-cluster.sh).

.DESCRIPTION
  N nodes on loopback, each with its own ports and data directory under .cluster\node-K\. Node 1 is
  desktop-like (controller, gateway, dashboard); the others are Pi-like with a simulated temperature
  sensor and a virtual fan. Everything stays on loopback: node links on 127.0.0.1, discovery beacons to
  127.255.255.255.

    .\run-cluster.ps1 [N]      build once, start N nodes (default 3), wait until all are Up
    .\run-cluster.ps1 status   show the processes and the cluster members
    .\run-cluster.ps1 stop     stop every node (graceful first; forced after 30 s)

  Environment (for tests and a second cluster beside your own):
    IOTACTORS_CLUSTER_DIR   state folder (default .cluster in the repository root)
    IOTACTORS_PORT_BASE     when set to B: node K links on B+K, API on B+20+K, discovery B+41, gateways B+42/B+43
                            (default: links 4100+K, API 8079+K so node 1 serves 8080, discovery 4054, gateways 50000/50010)

  Note: this script mirrors run-cluster.sh step for step; PowerShell is not available on the project's
  CI machines, so it is reviewed rather than executed there.
#>
param([string]$Command = "3")

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$State = if ($env:IOTACTORS_CLUSTER_DIR) { $env:IOTACTORS_CLUSTER_DIR } else { Join-Path $Root ".cluster" }
if (-not [System.IO.Path]::IsPathRooted($State)) { $State = Join-Path $Root $State }
$Dll = Join-Path $Root "src/IotActors.Node/bin/Release/net10.0/iotactors.dll"
if ($env:IOTACTORS_PORT_BASE) {
  $base = 0
  if (-not [int]::TryParse($env:IOTACTORS_PORT_BASE, [ref]$base) -or $base -lt 1024 -or $base -gt 65400) {
    Write-Error "run-cluster: IOTACTORS_PORT_BASE must be a number from 1024 to 65400, got '$($env:IOTACTORS_PORT_BASE)'"; exit 1
  }
  $RemoteBase = $base; $ApiBase = $base + 20
  $DiscoveryPort = $base + 41; $UdpPort = $base + 42; $TcpPort = $base + 43
} else {
  $RemoteBase = 4100; $ApiBase = 8079   # node K links on 4100+K, API on 8079+K (node 1: 8080)
  $DiscoveryPort = 4054; $UdpPort = 50000; $TcpPort = 50010
}

function Fail([string]$Message) { Write-Error "run-cluster: $Message"; exit 1 }

function Get-NodeNumbers {
  if (-not (Test-Path $State)) { return @() }
  Get-ChildItem -Path $State -Directory -Filter "node-*" |
    ForEach-Object { [int]($_.Name -replace '^node-', '') } | Sort-Object
}

function Get-NodePid([int]$K) {
  $file = Join-Path $State "node-$K/pid"
  if (Test-Path $file) { return [int](Get-Content $file -Raw).Trim() }
  return $null
}

function Test-NodeAlive([int]$K) {
  $nodePid = Get-NodePid $K
  if ($null -eq $nodePid) { return $false }
  return $null -ne (Get-Process -Id $nodePid -ErrorAction SilentlyContinue)
}

function Test-AnyRunning { foreach ($k in Get-NodeNumbers) { if (Test-NodeAlive $k) { return $true } }; return $false }

function Get-Token {
  $file = Join-Path $State "operator-token"
  if (Test-Path $file) { return (Get-Content $file -Raw).Trim() }
  return ""
}

function Invoke-Api([string]$Path) {
  $headers = @{ Authorization = "Bearer $(Get-Token)" }
  Invoke-RestMethod -Uri "http://127.0.0.1:$($ApiBase + 1)$Path" -Headers $headers -TimeoutSec 3
}

function Stop-Cluster {
  $any = $false
  foreach ($k in Get-NodeNumbers) {
    if (Test-NodeAlive $k) {
      $any = $true
      $nodePid = Get-NodePid $k
      Write-Host "stopping node-$k (pid $nodePid)"
      # Windows has no SIGTERM: ask the node's API to leave the cluster first, then stop the process.
      try { Invoke-RestMethod -Method Post -Uri "http://127.0.0.1:$($ApiBase + $k)/api/cluster/leave" -Headers @{ Authorization = "Bearer $(Get-Token)" } -TimeoutSec 3 | Out-Null } catch { }
    }
  }
  if (-not $any) { Write-Host "no node is running"; return }
  for ($i = 0; $i -lt 60 -and (Test-AnyRunning); $i++) {
    foreach ($k in Get-NodeNumbers) {
      # A node that has left exits on its own; one that has not is stopped once its leave had time.
      if ($i -eq 20 -and (Test-NodeAlive $k)) { Stop-Process -Id (Get-NodePid $k) -ErrorAction SilentlyContinue }
    }
    Start-Sleep -Milliseconds 500
  }
  foreach ($k in Get-NodeNumbers) {
    if (Test-NodeAlive $k) { Write-Host "node-$k did not stop in 30 s: forcing"; Stop-Process -Id (Get-NodePid $k) -Force }
    Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $State "node-$k/pid")
  }
  Write-Host "stopped"
}

function Show-Status {
  foreach ($k in Get-NodeNumbers) {
    if (Test-NodeAlive $k) {
      Write-Host ("node-{0}  running  pid {1}  api http://127.0.0.1:{2}  log {3}" -f $k, (Get-NodePid $k), ($ApiBase + $k), (Join-Path $State "node-$k/node.log"))
    } else {
      Write-Host "node-$k  stopped"
    }
  }
  if (Test-NodeAlive 1) {
    Write-Host ""; Write-Host "members seen by node-1:"
    try { (Invoke-Api "/api/cluster").members | ForEach-Object { Write-Host ("  {0}  {1}" -f $_.status, $_.address) } }
    catch { Write-Host "  (API not answering yet)" }
  }
}

function Write-NodeConfig([int]$K, [int]$N) {
  $dir = Join-Path $State "node-$K"
  New-Item -ItemType Directory -Force -Path $dir | Out-Null
  $hocon = (Join-Path $Root "hocon/local-cluster.conf") -replace '\\', '/'
  $data = (Join-Path $dir "data") -replace '\\', '/'
  $secret = (Join-Path $State "secret") -replace '\\', '/'
  $lines = @(
    "# Generated by run-cluster.ps1 for node-$K; edit hocon/local-cluster.conf instead.",
    "include file(`"$hocon`")",
    "iotactors.node.name = `"node-$K`"",
    "iotactors.node.data-dir = `"$data`"",
    "iotactors.remote.port = $($RemoteBase + $K)",
    "iotactors.remote.secret-file = `"$secret`"",
    "iotactors.api.enabled = on",
    "# Demo hook: POST /api/devices/<id>/simulate {`"target`":26} drives a simulated sensor (never on in production).",
    "iotactors.api.debug-endpoints = on",
    "iotactors.api.port = $($ApiBase + $K)",
    "iotactors.cluster.discovery.port = $DiscoveryPort",
    "iotactors.gateway.udp.port = $UdpPort",
    "iotactors.gateway.tcp.port = $TcpPort"
  )
  if ($K -eq 1) {
    $lines += "iotactors.node.roles = [controller, gateway, dashboard]"
    $lines += "iotactors.home.rules = ["
    for ($j = 2; $j -le $N; $j++) {
      $lines += "  { id = fan-auto-$j, actuator = node-$j-fan, sensors = [node-$j-temp], metric = temperature, on-above = 25.0, off-below = 24.5, consecutive = 2 }"
    }
    $lines += "]"
  } else {
    $lines += "iotactors.node.roles = [sensor, actuator]"
    $lines += "iotactors.devices = ["
    $lines += "  { id = node-$K-temp, kind = simulated-temperature, period = 2s }"
    $lines += "  { id = node-$K-fan, kind = virtual-fan }"
    $lines += "]"
  }
  Set-Content -Path (Join-Path $dir "node.conf") -Value $lines -Encoding utf8
}

function Start-Cluster([int]$N) {
  if ($N -lt 1 -or $N -gt 20) { Fail "N must be a number from 1 to 20, got '$N'" }
  if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { Fail "the .NET 10 SDK is required (dotnet not on PATH)" }
  if (Test-AnyRunning) {
    $names = (Get-NodeNumbers | Where-Object { Test-NodeAlive $_ } | ForEach-Object { "node-$_" }) -join " "
    Fail "a cluster is already running ($names); use '.\run-cluster.ps1 status' or '.\run-cluster.ps1 stop'"
  }

  Write-Host "building (Release)..."
  dotnet build (Join-Path $Root "src/IotActors.Node") -c Release -nologo -v q | Out-Null
  if ($LASTEXITCODE -ne 0) { Fail "build failed: run 'dotnet build src/IotActors.Node -c Release' to see why" }
  New-Item -ItemType Directory -Force -Path $State | Out-Null
  $secretFile = Join-Path $State "secret"
  if (-not (Test-Path $secretFile)) {
    dotnet $Dll secret new --out $secretFile | Out-Null
    Write-Host "created cluster secret $secretFile"
  }

  Get-ChildItem -Path $State -Directory -Filter "node-*" | Remove-Item -Recurse -Force
  for ($k = 1; $k -le $N; $k++) { Write-NodeConfig $k $N }
  New-Item -ItemType Directory -Force -Path (Join-Path $State "node-1/data") | Out-Null
  $minted = dotnet $Dll token new --role operator --name run-cluster --data-dir (Join-Path $State "node-1/data")
  if ($LASTEXITCODE -ne 0) { Fail "could not create the operator token" }
  $tokenLine = @($minted | Where-Object { $_ -match '^iot_' })[0]
  if (-not $tokenLine) { Fail "'iotactors token new' printed no token: $minted" }
  Set-Content -Path (Join-Path $State "operator-token") -Value $tokenLine -Encoding ascii

  for ($k = 1; $k -le $N; $k++) {
    $dir = Join-Path $State "node-$k"
    $log = Join-Path $dir "node.log"
    $process = Start-Process -FilePath "dotnet" -ArgumentList @($Dll, "node", "run", "--config", (Join-Path $dir "node.conf")) `
      -RedirectStandardOutput $log -RedirectStandardError (Join-Path $dir "node.err.log") -WindowStyle Hidden -PassThru
    Set-Content -Path (Join-Path $dir "pid") -Value $process.Id
    Write-Host "started node-$k (pid $($process.Id), log $log)"
  }

  Write-Host "waiting until $N members are Up..."
  $up = 0
  for ($i = 0; $i -lt 120; $i++) {
    foreach ($k in Get-NodeNumbers) { if (-not (Test-NodeAlive $k)) { Fail "node-$k exited; see $(Join-Path $State "node-$k/node.log")" } }
    # Member status comes lower-case from the API ("up"); -eq on strings ignores case in PowerShell.
    try { $up = @((Invoke-Api "/api/cluster").members | Where-Object { $_.status -eq "up" }).Count } catch { $up = 0 }
    if ($up -ge $N) { break }
    Start-Sleep -Milliseconds 500
  }
  if ($up -lt $N) { Fail "only $up of $N members Up after 60 s; see $State\node-*\node.log" }

  Write-Host ""
  Write-Host "IotActors local cluster: $N nodes Up."
  Write-Host "  dashboard       http://127.0.0.1:$($ApiBase + 1)/"
  Write-Host "  operator token  $(Get-Token)"
  Write-Host "  logs            $State\node-K\node.log"
  Write-Host "  heat a sensor   Invoke-RestMethod -Method Post -Headers @{Authorization='Bearer <token>'} -ContentType 'application/json' -Body '{`"target`":26}' http://127.0.0.1:$($ApiBase + 1)/api/devices/node-2-temp/simulate"
  Write-Host "  status          .\run-cluster.ps1 status"
  Write-Host "  stop            .\run-cluster.ps1 stop"
}

switch ($Command) {
  "stop" { Stop-Cluster }
  "status" { Show-Status }
  { $_ -in @("-h", "--help", "help") } { Get-Help $PSCommandPath -Detailed }
  default {
    $n = 0
    if (-not [int]::TryParse($Command, [ref]$n)) { Fail "N must be a number from 1 to 20, got '$Command'" }
    Start-Cluster $n
  }
}
