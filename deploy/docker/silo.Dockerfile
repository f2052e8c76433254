# syntax=docker/dockerfile:1
# The LabSandbox silo image (also runs `migrate`, `keys` and `backtest`). Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t labsandbox/silo:dev .
# Runs on the ASP.NET Core runtime image (the silo serves its health port with Kestrel) as its non-root `app` user (UID 1654) and needs no writable path but /tmp, so the
# Kubernetes manifests can set readOnlyRootFilesystem with an emptyDir on /tmp (deploy/k8s/base).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first: the restore layer is reused until a package or project reference changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Silo/Silo.csproj src/Silo/
RUN dotnet restore src/Silo/Silo.csproj
# The silo ships the real data it imports at start and the schema `migrate` applies (linked by Silo.csproj).
COPY src/ src/
COPY data/real/ data/real/
COPY deploy/sql/ deploy/sql/
RUN dotnet publish src/Silo/Silo.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# Numeric, so the kubelet can verify runAsNonRoot without looking the name up.
USER 1654
# Silo-to-silo, client gateway, health (LabSandbox:SiloPort, :GatewayPort, :HealthPort).
EXPOSE 11111 30000 8081
ENTRYPOINT ["dotnet", "LabSandbox.Silo.dll"]
