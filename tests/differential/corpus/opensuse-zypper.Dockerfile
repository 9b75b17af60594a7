FROM opensuse/leap:15.6
RUN zypper refresh && zypper install -y python311 git
RUN zypper -n install curl=8.6.0 && zypper clean
WORKDIR /srv
COPY app.py .
CMD ["python3.11", "app.py"]
