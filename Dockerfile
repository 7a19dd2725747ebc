# The portal as a container image, for hosts with a Docker engine (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/BaliProcess.Web/BaliProcess.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY seed-data /seed-data
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__SeedDirectory=/seed-data
EXPOSE 8080
ENTRYPOINT ["dotnet", "BaliProcess.Web.dll"]
