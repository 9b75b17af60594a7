# hadolint shell=powershell
FROM mcr.microsoft.com/dotnet/framework/runtime:4.8
RUN if (Test-Path C:\temp) { Remove-Item C:\temp -Recurse }
COPY app/ C:/app/
WORKDIR C:/app
ENTRYPOINT ["C:\\app\\Service.exe"]
