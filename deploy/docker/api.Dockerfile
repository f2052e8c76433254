# syntax=docker/dockerfile:1
# The LabSandbox HTTP API and web UI image. Build from the repository root:
#   docker build -f deploy/docker/api.Dockerfile -t labsandbox/api:dev .
# Runs as the ASP.NET Core image's non-root `app` user (UID 1654) on port 8080; needs no writable path but
# /tmp (readOnlyRootFilesystem in deploy/k8s/base).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Client.Api/Client.Api.csproj src/Client.Api/
RUN dotnet restore src/Client.Api/Client.Api.csproj
# The API references the silo project (embedded mode), which links the real data and the schema.
COPY src/ src/
COPY data/real/ data/real/
COPY deploy/sql/ deploy/sql/
RUN dotnet publish src/Client.Api/Client.Api.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
USER 1654
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "LabSandbox.Api.dll"]
